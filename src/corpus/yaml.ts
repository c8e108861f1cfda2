import { lazyPackage } from "../lazy-package";

/** The yaml package, loaded when front matter is first read or written (see lazyPackage). */
export const yaml = lazyPackage<typeof import("yaml")>("yaml");
