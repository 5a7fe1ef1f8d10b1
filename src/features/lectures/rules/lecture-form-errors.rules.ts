/** The lecture form's fields that can carry a message, and the server's messages placed on them. */
export type LectureFormField =
  | 'title'
  | 'topic'
  | 'speakerName'
  | 'date'
  | 'startTime'
  | 'endTime'
  | 'locationName'
  | 'venuePoint'
  | 'materials'
  | 'opensBeforeMinutes'
  | 'closesAfterMinutes'
  | `materials.${number}.title`
  | `materials.${number}.url`
  | `materials.${number}.file`

export type LectureFormErrors = Partial<Record<LectureFormField, string>>

/** The server's per-field messages (dotted input paths) placed on the form's fields. */
export function formErrorsFromServer(fields: Record<string, string> | undefined): LectureFormErrors {
  const out: LectureFormErrors = {}
  if (!fields) return out
  const map: Record<string, LectureFormField> = {
    title: 'title',
    topic: 'topic',
    speaker: 'speakerName',
    'speaker.name': 'speakerName',
    'speaker.openid': 'speakerName',
    startAt: 'startTime',
    endAt: 'endTime',
    'location.name': 'locationName',
    'location.latitude': 'venuePoint',
    'location.longitude': 'venuePoint',
    'location.radius': 'venuePoint',
    materials: 'materials',
    'checkinWindow.opensBeforeMinutes': 'opensBeforeMinutes',
    'checkinWindow.closesAfterMinutes': 'closesAfterMinutes',
  }
  for (const [path, message] of Object.entries(fields)) {
    const m = /^materials\.(\d+)(?:\.(title|url|fileID))?$/.exec(path)
    if (m) {
      const part = m[2] === 'fileID' ? 'file' : m[2] === 'title' ? 'title' : 'url'
      // A whole item refused (neither a link nor a file) is shown where a link would be typed.
      out[`materials.${Number(m[1])}.${part}`] = message
    } else if (map[path]) out[map[path]] = message
  }
  return out
}
