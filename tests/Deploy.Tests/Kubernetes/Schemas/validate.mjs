// Reads a JSON array of Kubernetes objects on standard input and validates each one against the JSON schema of its
// apiVersion and kind (npm kubernetes-models); prints one line per invalid or unknown object and exits 1 if any.
import { readFileSync } from "node:fs";

const objects = JSON.parse(readFileSync(0, "utf8"));
const problems = [];
for (const object of objects) {
  const name = `${object.kind}/${object.metadata?.name}`;
  const path = object.apiVersion; // "v1" for the core group, "apps/v1" for the others: both are paths of the package
  let models;
  try {
    models = await import(`kubernetes-models/${path}`);
  } catch {
    problems.push(`${name}: no schema for apiVersion ${object.apiVersion}`);
    continue;
  }
  const Model = models[object.kind];
  if (!Model) {
    problems.push(`${name}: no schema for kind ${object.kind} in ${object.apiVersion}`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push(`${name}: ${error.message}`);
  }
}
for (const problem of problems) console.log(problem);
console.log(`checked ${objects.length} objects`);
process.exit(problems.length === 0 ? 0 : 1);
