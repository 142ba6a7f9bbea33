/** Emails a visitor of the preview page can pick; written for the preview, names and companies invented. */
import type { PreviewEmail } from './preview-host';

export interface SampleEmail {
  id: string;
  label: string;
  email: PreviewEmail;
}

export const SAMPLE_EMAILS: readonly SampleEmail[] = [
  {
    id: 'invitation',
    label: 'Interview invitation (email)',
    email: {
      subject: 'Interview invitation: Senior Product Designer at Northwind Labs',
      fromName: 'Dana Whitfield',
      fromEmail: 'dana.whitfield@northwind-labs.example',
      itemClass: 'IPM.Note',
      meeting: null,
      body: [
        'Hi Alex,',
        '',
        'Thank you for applying for the Senior Product Designer role at Northwind Labs. We enjoyed reading',
        'your portfolio and would love to invite you to a 45-minute video interview with the design team.',
        '',
        'Would Tuesday 8 December at 14:00 or Wednesday 9 December at 10:30 (UK time) work for you?',
        '',
        'Best regards,',
        'Dana Whitfield',
        'Talent Partner, Northwind Labs',
      ].join('\n'),
    },
  },
  {
    id: 'meeting-request',
    label: 'Interview as a meeting request',
    email: {
      subject: 'Interview: Data Analyst – Contoso Pharma',
      fromName: 'Ravi Menon',
      fromEmail: 'ravi.menon@contoso-pharma.example',
      itemClass: 'IPM.Schedule.Meeting.Request',
      meeting: {
        start: '2027-01-12T14:00:00.000Z',
        end: '2027-01-12T14:45:00.000Z',
        location: 'Microsoft Teams',
      },
      body: [
        'Hello Alex,',
        '',
        "I'd like to invite you to an interview for the Data Analyst position at Contoso Pharma.",
        "It's a 45-minute conversation with me and one of our analytics leads. Please accept the invitation",
        'if the time suits you, or propose another.',
        '',
        'Kind regards,',
        'Ravi Menon',
      ].join('\n'),
    },
  },
  {
    id: 'not-invitation',
    label: 'Not an invitation (newsletter)',
    email: {
      subject: 'Your weekly reading list',
      fromName: 'The Reading Room',
      fromEmail: 'hello@reading-room.example',
      itemClass: 'IPM.Note',
      meeting: null,
      body: [
        'This week: five essays on slow travel, a recipe for rye bread and a short story about a lighthouse.',
        '',
        'Unsubscribe at any time from your account page.',
      ].join('\n'),
    },
  },
];
