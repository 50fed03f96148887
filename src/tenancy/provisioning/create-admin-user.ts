// Step 4: the agency's first user, an admin, inside the new database (its undo is the database's).
import { withDatabase } from "../control-plane.ts";
import type { Step } from "./types.ts";

export const createAdminUser: Step = {
  name: "create-admin-user",
  async run(p, deps) {
    const { email, fullName } = p.input.admin;
    p.userId = await withDatabase(deps, p.databaseName, (sql) =>
      sql.begin(async (tx) => {
        const [user] = await tx<{ id: string }[]>`
          insert into users (email, password_hash) values (${email}, ${p.passwordHash}) returning id`;
        await tx`insert into profiles (user_id, full_name) values (${user.id}, ${fullName})`;
        await tx`insert into user_roles (user_id, role) values (${user.id}, 'admin')`;
        return user.id;
      }) as Promise<string>);
  },
};
