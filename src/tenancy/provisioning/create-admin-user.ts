// Step 4: the agency's first user, an admin, inside the new database (its undo is the database's).
import { insertUser } from "../../auth/agency-users.ts";
import { transaction } from "../../platform/db.ts";
import { withDatabase } from "../control-plane.ts";
import type { Step } from "./types.ts";

export const createAdminUser: Step = {
  name: "create-admin-user",
  async run(p, deps) {
    const { email, fullName } = p.input.admin;
    p.userId = await withDatabase(
      deps,
      p.databaseName,
      (sql) =>
        transaction(
          sql,
          (tx) => insertUser(tx, { email, fullName, passwordHash: p.passwordHash, role: "admin" }),
        ),
    );
  },
};
