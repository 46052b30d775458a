import { ESLint } from "eslint";
const e = new ESLint({ cwd: "/work/main" });
const [r] = await e.lintText(`export const probe = document.title;\n`, { filePath: "/work/main/src/model/__probe__.ts" });
console.log(JSON.stringify(r.messages, null, 1));
