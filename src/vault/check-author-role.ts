import { appendFileSync } from 'node:fs';
import type { AuditRecordRef } from './audit';

export class AuthorRoleCheck {
  visit(
    seq: number,
    refs: AuditRecordRef[] | undefined,
    signer: string | undefined,
    signerRole: string | undefined,
    action: string | undefined,
  ): void {
    const dump = process.env.HEARTH_SEC9_DUMP;
    if (!dump) return;
    for (const ref of refs ?? []) {
      const shape = ref.id.replace(/[0-9a-f]{8,}|\d{6,}/g, '#');
      appendFileSync(dump, `${signerRole ?? '-'}\t${action ?? '-'}\t${shape}\t${ref.hash === '' ? 'del' : 'put'}\n`);
    }
    void seq;
    void signer;
  }
}
