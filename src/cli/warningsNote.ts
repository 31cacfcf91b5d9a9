/** The one line build and views print when the dataset has warnings (validate lists them). */
export function warningsNote(count: number, dataDir: string): string {
  return `semaforo: the dataset has ${count} warning${count === 1 ? "" : "s"} (none stops the reports); \`semaforo validate --data ${dataDir}\` lists them.`;
}
