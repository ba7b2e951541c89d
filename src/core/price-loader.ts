import type { Usage } from "./usage";

type ComputeCost = (provider: string, model: string, usage: Usage | undefined) => number | undefined;

let compute: ComputeCost | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the price table once. Every call awaits it (alongside its request), so the `cost` getters
 * of the responses and streams it returns answer synchronously, while a program's first bytes do
 * not include the table. A failed load leaves `cost` undefined rather than failing the call.
 */
export function loadPrices(): Promise<void> {
  return (loading ??= import("./cost").then(
    (module) => {
      compute = module.computeCost;
    },
    () => {
      loading = undefined;
    },
  ));
}

/** The cost in USD (see `computeCost`); undefined for an unknown model, no usage, or before `loadPrices`. */
export function costOf(provider: string, model: string, usage: Usage | undefined): number | undefined {
  return compute?.(provider, model, usage);
}
