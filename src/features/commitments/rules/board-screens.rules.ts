/** How many members' months one projector screen shows: 3 across, 2 down, each with up to 5 items. */
export const PLANS_PER_SCREEN = 6

/** How long each screen stays before the next, when the branch needs more than one. */
export const SCREEN_SECONDS = 15

/** The plans cut into screens of `perScreen`, in board order; one empty screen when there are none. */
export function screensOf<T>(plans: T[], perScreen = PLANS_PER_SCREEN): T[][] {
  if (plans.length === 0) return [[]]
  const screens: T[][] = []
  for (let i = 0; i < plans.length; i += perScreen) screens.push(plans.slice(i, i + perScreen))
  return screens
}
