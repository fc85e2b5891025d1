/**
 * The arrows of docs/ARCHITECTURE.md, checked on every `npm run lint`:
 * channels → conversation → domains → platform, console-api → staff + domains, and nothing back.
 * Type-only imports count too: a domain that names a conversation type already knows dialogue.
 */
const DOMAINS =
  '^src/(knowledge|stations|tickets|offices|handoff|helpdesk|supervision|ledger|delivery|regions|employers|measures|cases|calculators|deadlines)/';

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domains-know-no-dialogue-channel-or-staff',
      comment:
        'Domains know no dialogue, no channel and no staff session: they are called, they do not call up.',
      severity: 'error',
      from: { path: DOMAINS },
      to: { path: '^src/(conversation|channels|console-api|staff|cli)/|^src/app\\.ts$' },
    },
    {
      name: 'conversation-knows-no-channel',
      severity: 'error',
      from: { path: '^src/conversation/' },
      to: { path: '^src/(channels|console-api|staff|cli)/|^src/app\\.ts$' },
    },
    {
      name: 'platform-knows-no-domain',
      comment: 'The platform layer is infrastructure only.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(?!platform/|generated/)' },
    },
    {
      name: 'messages-is-a-leaf',
      comment: 'The message contract every layer shares imports nothing but platform types.',
      severity: 'error',
      from: { path: '^src/messages/' },
      to: { path: '^src/(?!messages/|platform/)' },
    },
    {
      name: 'staff-is-accounts-only',
      comment: 'src/staff is accounts, sessions, roles and scope: it is registered before every domain.',
      severity: 'error',
      from: { path: '^src/staff/' },
      to: {
        path: '^src/(conversation|channels|console-api|cli|knowledge|stations|tickets|handoff|supervision|ledger|delivery)/|^src/app\\.ts$',
      },
    },
    {
      name: 'tickets-not-staff',
      severity: 'error',
      from: { path: '^src/tickets/' },
      to: { path: '^src/staff/' },
    },
    {
      name: 'generated-only-through-db',
      comment: "Prisma's generated client is reached through src/platform/db (row types: db-types.ts).",
      severity: 'error',
      from: { path: '^(src|bots|bench)/', pathNot: '^src/(platform/db|generated)/' },
      to: { path: '^src/generated/' },
    },
    {
      name: 'only-entry-points-import-the-app',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(server|cli/.*)\\.ts$' },
      to: { path: '^src/app\\.ts$' },
    },
    {
      name: 'web-assets-are-not-code',
      severity: 'error',
      from: { path: '^src/(?!web/)' },
      to: { path: '^src/web/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
