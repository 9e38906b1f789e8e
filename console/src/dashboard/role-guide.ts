import type { Role } from '@sbo/shared';

export const ROLE_LABELS: Record<Role, string> = {
  rep: 'Representative',
  lead: 'Team lead',
  ga_support: 'GA support',
  ebs: 'Employer Broker Services',
  admin: 'System administrator',
  broker: 'Broker',
  ga_admin: 'General Agency administrator',
  ga_delegate: 'General Agency delegate',
};

const PARTNER_WORK = [
  "Create and save your firm's transactions, attach the census and documents, and submit them.",
  'Answer transactions sent back as Action required, then resubmit them.',
  'Follow their status, or cancel one that is not approved yet.',
];

/** What each role does in the back office (docs/product.md, "Who uses it"), for the home page. */
export const ROLE_GUIDE: Record<Role, string[]> = {
  rep: [
    'Take the next submission from the review queue of your regions, or claim one.',
    'Review it, ask the submitter for pending items, approve it or refer it offline.',
    'Each submission shows its age and due date; the target is approval within 1 to 3 business days.',
  ],
  lead: [
    'Everything a representative does in your regions.',
    'Assign and reassign work, and watch turnaround and breaches.',
  ],
  ga_support: [
    'Find firms flagged with no active administrator.',
    'Deactivate a departed administrator and promote or invite a replacement, at most 4 per General Agency.',
    'Delegates belong to the firm and keep their access throughout.',
  ],
  ebs: [
    'Verify partner registrations against their firm: approve, reject, lock, unlock, re-invite or deactivate.',
    'Answer delegation questions with read access to firms and their users.',
  ],
  admin: [
    'Manage staff accounts, their roles and regions.',
    'Keep the holiday calendars and the regional contact mailboxes up to date.',
    'Check the notification outbox.',
  ],
  broker: PARTNER_WORK,
  ga_delegate: PARTNER_WORK,
  ga_admin: [...PARTNER_WORK, 'Invite delegates to your firm.'],
};
