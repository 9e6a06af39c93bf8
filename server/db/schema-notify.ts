// Tables of outgoing messages: every e-mail and SMS attempt, and the dev mailbox used when no SMTP
// server is configured.

export interface DeliveryLogTable {
  id: string; outbox_id: string | null; channel: string; person_id: string | null; address: string;
  subject: string | null; status: string; error: string | null; message_id: string | null; at: string;
}
export interface DevMessageTable {
  id: string; channel: string; person_id: string | null; address: string; subject: string | null; body: string;
  created_at: string;
}

export interface NotifyTables {
  delivery_log: DeliveryLogTable;
  dev_message: DevMessageTable;
}
