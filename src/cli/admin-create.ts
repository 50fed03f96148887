// `deno task admin:create --email E --name N [--role owner|operator|viewer]`: creates a platform
// operator (or resets one). The password comes from ADMIN_PASSWORD or standard input, never argv.
import { parseArgs } from "node:util";
import { upsertOperator } from "../admin/operators.ts";
import { hashPassword, stopPasswordWorkers } from "../auth/password.ts";
import { emailSchema, passwordSchema } from "../auth/schemas.ts";
import { withCliContext } from "./context.ts";
import { exitOnError } from "./exit.ts";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "owner" },
  },
});

await exitOnError(() =>
  withCliContext(async ({ control }) => {
    const email = emailSchema.parse(values.email);
    const role = ["owner", "operator", "viewer"].includes(values.role!) ? values.role as "owner" : undefined;
    if (!role) throw new Error("--role must be owner, operator or viewer");
    const password = Deno.env.get("ADMIN_PASSWORD") ??
      (await new Response(Deno.stdin.readable).text()).trim();
    const checked = passwordSchema.safeParse(password);
    if (!checked.success) throw new Error(`password ${checked.error.issues[0].message}`);
    const id = await upsertOperator(control, {
      email,
      fullName: values.name ?? email,
      role,
      passwordHash: await hashPassword(password),
    });
    stopPasswordWorkers();
    console.log(`operator ${email} (${role}) is ${id}`);
  })
);
