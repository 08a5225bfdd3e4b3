import type { Category } from '@internal/plugin-pipeline-triage-common';
import type { ErrorCode } from '../../evidence';

type Cause = Exclude<Category, 'unknown'>;

/** One vendor code (or, with `class`, every code of a class) and how the vendor means it. */
export interface VendorCode {
  /** The code as the vendor prints it; with `class: true`, the prefix shared by the class. */
  code: string;
  /** A class entry applies to codes of the class that have no entry of their own. */
  class?: boolean;
  category: Cause;
  /** Same meaning as a rule weight: how decisive the code is for the category. */
  weight: number;
  /** The vendor's own name or wording for the code. */
  meaning: string;
  /** A second reading a careful engineer would also weigh (e.g. "does not exist or not authorized"). */
  also?: { category: Cause; weight: number };
  /** Readings this code explains away, e.g. the HTTP 403 Google sends with a quota reason. */
  explains?: Cause[];
  /** Patterns that veto the code on this event (a more specific reading elsewhere in the log). */
  unless?: string[];
  /** The vendor document for this entry, when it is not the table's. */
  source?: string;
}

/** A vendor's codes in one code system, with the document they come from. */
export interface VendorCodeTable {
  system: ErrorCode['system'];
  vendor: string;
  /** The vendor's reference for these codes. */
  source: string;
  codes: VendorCode[];
}
