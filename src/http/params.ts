// Path parameters the route modules share.
import { z } from "zod";

/** `/:id` of a row: a UUID, or 400 naming `id`. */
export const idParam = z.object({ id: z.uuid("must be a UUID") });
