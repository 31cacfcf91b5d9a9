// Pin the time zone so dates format the same on every machine.
process.env.TZ = "America/Lima";
