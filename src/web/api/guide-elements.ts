/**
 * The guide elements of GB/T 39046 table 4 that the guide page lists besides time limits, materials, steps,
 * places and FAQ (which have their own sections). Order = display order. The aliases are the field names the
 * catalog API may use; the first one present wins.
 */
export const GUIDE_ELEMENTS = [
  { key: 'itemType', aliases: ['itemTypeName', 'itemType'], zh: '事项类型', en: 'Item type' },
  { key: 'legalBasis', aliases: ['legalBasis', 'basis', 'settingBasis'], zh: '设定依据', en: 'Legal basis' },
  { key: 'exerciseLevel', aliases: ['exerciseLevel', 'level'], zh: '行使层级', en: 'Level of exercise' },
  { key: 'implementer', aliases: ['implementer', 'agency'], zh: '实施主体', en: 'Implementing body' },
  { key: 'handlingOrg', aliases: ['handlingOrg', 'handlingAgency', 'undertaker'], zh: '承办机构', en: 'Handling office' },
  { key: 'coAgencies', aliases: ['coAgencyNames', 'coAgencies'], zh: '共同实施部门', en: 'Co-implementing departments' },
  { key: 'audience', aliases: ['audience', 'serviceObjects', 'serviceObject'], zh: '服务对象', en: 'Who can apply' },
  { key: 'conditions', aliases: ['acceptanceConditions', 'conditions', 'acceptConditions'], zh: '受理条件', en: 'Conditions' },
  { key: 'quantityLimit', aliases: ['quantityLimit'], zh: '数量限制', en: 'Quantity limit' },
  { key: 'intermediary', aliases: ['intermediaryServices', 'intermediary'], zh: '中介服务', en: 'Intermediary services' },
  { key: 'fee', aliases: ['feeText'], zh: '是否收费及收费依据', en: 'Fees' },
  { key: 'resultName', aliases: ['resultName', 'resultType'], zh: '结果名称', en: 'Result' },
  { key: 'resultSample', aliases: ['resultSample'], zh: '结果样本', en: 'Result sample' },
  { key: 'scope', aliases: ['handlingScope', 'scope', 'crossRegion'], zh: '通办范围', en: 'Where it can be handled' },
  { key: 'themes', aliases: ['themes', 'serviceThemes'], zh: '服务主题', en: 'Themes' },
  { key: 'handlingForm', aliases: ['handlingType', 'handlingForm'], zh: '办理形式', en: 'Ways to apply' },
  { key: 'specialProcedures', aliases: ['specialProcedures', 'specialProcedure'], zh: '特别程序', en: 'Special procedures' },
  { key: 'appointment', aliases: ['appointment', 'supportsAppointment'], zh: '是否支持预约', en: 'Appointments' },
  { key: 'onlinePayment', aliases: ['payment', 'onlinePayment'], zh: '是否支持网上支付', en: 'Online payment' },
  { key: 'express', aliases: ['express', 'supportsExpress', 'logistics'], zh: '是否支持物流快递', en: 'Delivery by post' },
  { key: 'onlineUrl', aliases: ['onlineUrl', 'onlineAddress'], zh: '网办地址', en: 'Online address' },
] as const;

export type GuideElementKey = (typeof GUIDE_ELEMENTS)[number]['key'];
