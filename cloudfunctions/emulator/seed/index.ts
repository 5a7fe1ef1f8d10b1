export {
  DEMO_ADMIN_OPENIDS,
  DEMO_BRANCHES,
  DEMO_BRANCH_IDS,
  DEMO_INVITE_CODES,
  DEMO_OPENIDS,
  DEMO_PEOPLE,
  seedDemoData,
  type DemoBranch,
  type DemoPerson,
  type SeedStore,
} from './demo-data.seed'
