export * from "./api";
export * from "./chart";
export * from "./constants";
export * from "./finding";
export * from "./issues";
export * from "./operations";
export * from "./parse-chart";
export type { ReferenceProblem } from "./references";
export * from "./summary";
