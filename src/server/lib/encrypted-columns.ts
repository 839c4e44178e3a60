/**
 * Every column that holds a value sealed by the key ring (lib/crypto.ts), as data, so that a key
 * rotation (`npm run cli -- rotate-key`) re-encrypts all of them. A domain that adds an encrypted
 * column adds one line here; a column missing from this list keeps its old key and becomes
 * unreadable once that key is dropped.
 */
export type EncryptedColumn = {
  table: string;
  /** A single-column primary key (or unique, not null) by which one row is updated. */
  pk: string;
  column: string;
};

export const encryptedColumns: readonly EncryptedColumn[] = [
  { table: 'persons', pk: 'id', column: 'notes_encrypted' },
  { table: 'emails', pk: 'id', column: 'body_encrypted' },
  { table: 'emails', pk: 'id', column: 'attachments_encrypted' },
  { table: 'applications', pk: 'id', column: 'letter_encrypted' },
  { table: 'applications', pk: 'id', column: 'status_token_encrypted' },
  { table: 'applications', pk: 'id', column: 'self_assessment_encrypted' },
  { table: 'applications', pk: 'id', column: 'pending_update_encrypted' },
  { table: 'applications', pk: 'id', column: 'decision_letter_encrypted' },
  { table: 'application_files', pk: 'id', column: 'content_encrypted' },
  { table: 'application_reviews', pk: 'id', column: 'notes_encrypted' },
  { table: 'interview_scores', pk: 'id', column: 'notes_encrypted' },
  { table: 'participants', pk: 'id', column: 'interruption_reason_encrypted' },
  { table: 'task_submissions', pk: 'id', column: 'text_encrypted' },
  { table: 'task_submissions', pk: 'id', column: 'file_encrypted' },
  { table: 'task_submissions', pk: 'id', column: 'feedback_encrypted' },
  { table: 'follow_up_notes', pk: 'id', column: 'note_encrypted' },
  { table: 'checkins', pk: 'id', column: 'comment_encrypted' },
  { table: 'enrolments', pk: 'id', column: 'cancel_token_encrypted' },
  { table: 'oidc_providers', pk: 'tenant_id', column: 'client_secret_encrypted' },
  { table: 'offers', pk: 'id', column: 'token_encrypted' },
  { table: 'peer_payment_details', pk: 'peer_profile_id', column: 'personnummer_encrypted' },
  { table: 'peer_payment_details', pk: 'peer_profile_id', column: 'bank_account_encrypted' },
];

export const describeColumn = (c: EncryptedColumn) => `${c.table}.${c.column}`;
