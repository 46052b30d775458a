// `npm run validate:manifest`: validates manifest.xml (or the file given as argument) offline against the
// Office add-in manifest XML schemas with xmllint (Debian package libxml2-utils). The schemas are not part
// of the project: they are looked up in $OFFICE_MANIFEST_SCHEMAS or in ../shared/schemas/office-manifest
// beside the checkout. (`office-addin-manifest validate` needs a Microsoft web service, so it is not used.)
// The project's own structural checks are in tests/manifest/manifest.test.ts and run with `npm test`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const manifest = path.resolve(process.argv[2] ?? path.join(root, "manifest.xml"));
const schemaDir =
  process.env.OFFICE_MANIFEST_SCHEMAS ??
  path.join(path.dirname(root), "shared", "schemas", "office-manifest");
const schema = path.join(schemaDir, "OfficeAppManifestV1_1.xsd");

if (!existsSync(schema)) {
  console.log(`Schema check skipped: ${schema} not found (set OFFICE_MANIFEST_SCHEMAS to its folder).`);
  process.exit(0);
}
const result = spawnSync("xmllint", ["--noout", "--schema", schema, manifest], { stdio: "inherit" });
if (result.error) {
  console.error("xmllint not found: apt-get install -y libxml2-utils");
  process.exit(1);
}
process.exit(result.status ?? 1);
