// The lock moved below deliver (build and send both take it): src/archive/acquireSendLock.ts.
export { acquireSendLock, type SendLock } from "../archive/acquireSendLock.js";
