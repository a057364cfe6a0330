import { createHash, timingSafeEqual } from "node:crypto";
import type { Caller, Principal, Role } from "./roles.js";

/** One configured token: whom it stands for, its role, and the SHA-256 of the token (never the token). */
export interface TokenEntry {
  readonly principal: string;
  readonly role: Role;
  /** Lower-case hex SHA-256 of the token's UTF-8 bytes. */
  readonly sha256: string;
}

/** The SHA-256 of a token as lower-case hex: what CURATION_TOKENS stores for it. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * The configured tokens, kept as digests only. A presented token is hashed first, so every comparison
 * is between two 32-byte digests, made with crypto.timingSafeEqual against every entry (no early exit):
 * the time taken says nothing about how much of a token was right, or which entry matched.
 */
export class TokenRegistry {
  private readonly entries: readonly { readonly digest: Buffer; readonly principal: Principal }[];

  constructor(entries: readonly TokenEntry[]) {
    this.entries = entries.map((e) => ({ digest: Buffer.from(e.sha256, "hex"), principal: { id: e.principal, role: e.role } }));
  }

  /** How many tokens are configured. */
  get size(): number {
    return this.entries.length;
  }

  /** The principal a token belongs to, or null when it matches no configured token. */
  verify(token: string): Principal | null {
    const presented = createHash("sha256").update(token, "utf8").digest();
    let found: Principal | null = null;
    for (const entry of this.entries) {
      if (timingSafeEqual(presented, entry.digest) && found === null) found = entry.principal;
    }
    return found;
  }

  /** Who sent a request, from its Authorization header (absent, not a bearer token, unknown token, or a principal). */
  callerFor(authorization: string | undefined): Caller {
    if (authorization === undefined || authorization.trim() === "") return { kind: "anonymous" };
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
    if (match?.[1] === undefined) return { kind: "invalid", reason: 'The Authorization header is not of the form "Bearer <token>"' };
    const principal = this.verify(match[1]);
    return principal === null ? { kind: "invalid", reason: "The bearer token matches no configured curation token" } : { kind: "principal", principal };
  }
}
