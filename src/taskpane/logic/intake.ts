// One picked file → compact submissions, through the one intake pipeline (workbook/intake.ts): this
// shell hashes the bytes (SHA-256, Web Crypto) and dates them by the file's modification time.
import { civilOfLocal } from "../../domain/civilDate";
import type { Intake } from "../../domain/consolidation/intake";
import type { ValidationContext } from "../../domain/validation/context";
import { intakeFile } from "../../workbook/intake";
import type { PickedFile } from "../ops";
import { openXlsxBytes } from "./planSources";

/** SHA-256 of bytes as hex (Web Crypto: browsers and Node ≥ 20). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Take one picked file in. Never throws (see workbook/intake.ts). */
export function intakePicked(file: PickedFile, ctx: ValidationContext): Promise<Intake> {
  return intakeFile(
    file.name,
    async () => {
      const m = file.lastModified ? new Date(file.lastModified) : null;
      return {
        hash: await sha256Hex(file.bytes),
        receivedAt: m ? civilOfLocal(m) : null,
        open: () => openXlsxBytes(file),
      };
    },
    ctx,
  );
}
