export * from "./types";
export * from "./address";
export * from "./text";
export * from "./scalarInputs";
export { buildWorkbookLayout, MAX_SCENARIOS } from "./buildWorkbookLayout";
export { INPUTS_GEOMETRY } from "./inputsSheet";
export { MODEL_GEOMETRY, buildModelSheet } from "./modelSheet";
export { COMPARE_SERIES } from "./compareSheet";
export { renameSheets } from "./renameSheets";
