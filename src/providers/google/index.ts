/** The google provider (in progress). */
export const PROVIDER_NAME = "google";
