/**
 * What a person calls an input field, by its last key: an error message names the field this way and
 * never by its internal key (a refusal a person reads is Chinese they can act on, docs/architecture.md
 * "Contract"). A key not listed is not named at all.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  action: '操作',
  address: '地址',
  attitude: '态度',
  audience: '面向对象',
  avatar: '头像',
  beneficiaryName: '心愿人姓名',
  branchId: '支部',
  category: '类别',
  checkinMode: '签到方式',
  checkinWindow: '签到时段',
  closesAfterMinutes: '结束后签到时长',
  code: '邀请码',
  comment: '评议意见',
  content: '内容',
  cost: '预计花费',
  cursor: '分页标记',
  decision: '审核结果',
  description: '描述',
  effect: '效果',
  endAt: '结束时间',
  evidence: '兑现情况说明',
  fileID: '文件',
  itemId: '承诺事项',
  items: '承诺',
  latitude: '纬度',
  lectureId: '党课编号',
  limit: '每页条数',
  location: '地点',
  longitude: '经度',
  materials: '学习材料',
  measure: '衡量标准',
  month: '月份',
  name: '姓名',
  neighbourhood: '小区',
  note: '说明',
  openid: '人员',
  opensBeforeMinutes: '开始前签到时长',
  outcome: '兑现情况',
  percent: '进度',
  phone: '手机号',
  photos: '照片',
  planId: '承诺编号',
  post: '职务',
  proofPhoto: '照片',
  radius: '签到范围',
  reason: '原因',
  rejectReason: '退回原因',
  relation: '关系',
  role: '身份',
  scope: '范围',
  scores: '评分',
  search: '搜索内容',
  speaker: '主讲人',
  speakerName: '主讲人姓名',
  startAt: '开始时间',
  text: '内容',
  thanks: '感谢的话',
  title: '标题',
  token: '二维码',
  topic: '内容简介',
  url: '链接',
  version: '版本',
  wishId: '心愿编号',
}

/** Where the last key alone would name the wrong thing (`location.name` is the place's name). */
const PATH_LABELS: Readonly<Record<string, string>> = {
  'location.name': '地点名称',
  'speaker.name': '主讲人姓名',
  'materials.title': '材料标题',
}

/** The person's name for the field at a dotted path (list indexes ignored), or null when it has none. */
export function fieldLabel(path: string): string | null {
  const keys = path.split('.').filter((k) => k !== '' && !/^\d+$/.test(k))
  const last = keys[keys.length - 1]
  if (last === undefined) return null
  return PATH_LABELS[keys.slice(-2).join('.')] ?? FIELD_LABELS[last] ?? null
}
