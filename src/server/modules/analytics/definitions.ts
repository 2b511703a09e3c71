/**
 * The indicators and their definitions (口径). The same text is in docs/indicators.md and is returned with every
 * figure, so a number is never shown without what it counts.
 */
export interface Definition { name: string; numerator: string; denominator: string; excluded: string; source: string }

export const DEFINITIONS = {
  case_rating_rate: {
    name: '办件评价率',
    numerator: '统计期内办结的办件中，已有计入统计的评价（一事一评，首次评价）且该评价已被市"好差评"系统确认接收的办件数',
    denominator: '统计期内办结的办件数',
    excluded: '查询类事项的办件；未推送或推送失败的评价不计入分子；同一办件的重复评价只计1次',
    source: '沪府办〔2021〕48号 评估指标#1"评价数据汇聚"',
  },
  bad_rate: {
    name: '差评率',
    numerator: '统计期内作出的计入统计的评价中，等级属于差评配置（上海：4 不满意、5 非常不满意）的评价数',
    denominator: '统计期内作出的计入统计的评价数（办件评价与到窗服务评价）',
    excluded: '重复评价；经申诉复核认定为恶意或不实的差评（不计入分子，仍计入分母）',
    source: '国办发〔2019〕51号；沪府办发〔2019〕20号',
  },
  bad_rectified_rate: {
    name: '差评整改率',
    numerator: '统计期内由差评生成的工单（差评、意见建议）中，已整改或解释说明、完成回访并办结的工单数',
    denominator: '统计期内由差评生成的工单数',
    excluded: '申诉复核成立的工单',
    source: '评估指标#2"差评回复整改"',
  },
  bad_rectified_on_time_rate: {
    name: '差评按期整改率',
    numerator: '统计期内由差评生成的工单中，在办结期限（规则配置的整改时限，上海"1、5、15"之"5"）内办结的工单数',
    denominator: '统计期内由差评生成的工单数',
    excluded: '申诉复核成立的工单',
    source: '评估指标#2"超期/未回复率"的补集',
  },
  real_name_callback_rate: {
    name: '实名差评回访率',
    numerator: '统计期内由实名差评生成的工单中，已记录回访结果的工单数',
    denominator: '统计期内由实名差评生成的工单数',
    excluded: '匿名差评；申诉复核成立的工单',
    source: '国办发〔2019〕51号：实名差评回访率100%',
  },
  average_level: {
    name: '平均评价等级',
    numerator: '统计期内计入统计的评价等级之和（1 非常满意 … 5 非常不满意，越低越好）',
    denominator: '统计期内计入统计的评价数',
    excluded: '重复评价',
    source: 'GB/T 39046 五级满意度',
  },
  overdue_orders: {
    name: '超期工单',
    numerator: '当前未办结且已过当前阶段期限的工单数，加上统计期内办结但晚于办结期限的工单数',
    denominator: '（计数，无分母）',
    excluded: '无',
    source: '任务中枢时限管理',
  },
} as const satisfies Record<string, Definition>;

export type IndicatorKey = keyof typeof DEFINITIONS;
