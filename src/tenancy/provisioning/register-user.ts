// Step 5: the login directory row (email → agency, user), so login is one index lookup.
import type { Step } from "./types.ts";

export const registerUser: Step = {
  name: "register-user",
  async run(p, { control }) {
    await control`
      insert into user_directory (email, agency_id, user_id)
      values (${p.input.admin.email}, ${p.agencyId}, ${p.userId!})`;
  },
  async undo(p, { control }) {
    await control`delete from user_directory where agency_id = ${p.agencyId}`;
  },
};
