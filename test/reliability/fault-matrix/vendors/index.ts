import type { VendorDescriptor } from '../model';
import { cyzen } from './cyzen';
import { mazrica } from './mazrica';
import { rodem } from './rodem';
import { satori } from './satori';
import { yappli } from './yappli';

/** Every vendor in the fault matrix, in the order it shows them. A new vendor adds its file here. */
export const VENDORS: VendorDescriptor[] = [mazrica, satori, cyzen, yappli, rodem];
