/**
 * Placeholder for the probabilistic customer-lifetime-value models (BG/NBD, Pareto/NBD, MBG/NBD,
 * BG/BB, Gamma-Gamma, sBG); they land with their issue.
 *
 * @module
 */
export {};
