export * from "./chart";
export * from "./constants";
export * from "./finding";
export * from "./issues";
export * from "./parse-chart";
export * from "./summary";
export type { ReferenceProblem } from "./references";
