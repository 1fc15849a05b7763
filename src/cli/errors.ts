// The CLI reports these as one line; they live with the Node adapters that raise them.
export { UserError, messageOf } from "../node/errors.js";
