import type { FormData, FormSchema } from '../../shared/form-schema.ts';
import type { Channel } from '../../shared/channels.ts';

/**
 * What the web reads from the catalog, calendar, materials and cases APIs. The server modules own the real
 * shapes; endpoints.ts normalises their answers into these so a renamed field is fixed in one place.
 */
export interface TimeLimit {
  days: number;
  unit: 'working' | 'natural';
}

export interface ItemSummary {
  key: string;
  name: string;
  agencyName: string;
  kind?: string;
  onlineDepth?: number;
  committedLimit?: TimeLimit;
  audience?: string[];
  /** Search snippet / short description. */
  summary?: string;
}

export interface GuideMaterial {
  id: string;
  name: string;
  required: boolean;
  count: number;
  maxSizeMb: number;
  issuer?: string | null;
  originals?: number | null;
  copies?: number | null;
  form?: string | null;
  note?: string | null;
  eLicenceType: string | null;
  exemptable: boolean;
  exemptReason?: string | null;
  blankFormUrl?: string | null;
  sampleFormUrl?: string | null;
}

export interface GuideStep {
  name: string;
  handler?: string | null;
  limit?: string | null;
  standard?: string | null;
}

export interface GuideLocation {
  name: string;
  address?: string | null;
  window?: string | null;
  hours?: string | null;
  phone?: string | null;
  appointment?: boolean;
}

export interface ItemGuide {
  id: string;
  key: string;
  version: number;
  name: string;
  agencyName: string;
  basicCode: string;
  implementationCode: string;
  kind: string;
  itemType?: string;
  legalLimit: TimeLimit;
  committedLimit: TimeLimit;
  immediate: boolean;
  onlineDepth: number;
  visits: number;
  channels: Record<Channel, boolean>;
  materials: GuideMaterial[];
  /** 办理情形 (业务办理项): the applicant picks one when there are several. */
  situations: { name: string; handlingCode: string }[];
  formSchema: FormSchema;
  steps: GuideStep[];
  locations: GuideLocation[];
  faq: { question: string; answer: string }[];
  /** Every other guide element (设定依据, 受理条件, 是否收费 …) as key → text; labels come from GUIDE_ELEMENTS. */
  elements: { key: string; value: string }[];
  blankForms: { name: string; url: string }[];
  consultPhone?: string | null;
  complaintPhone?: string | null;
  /** Computed by the catalog for "applied today"; the page falls back to the calendar endpoint without it. */
  expectedCompletion?: { date: string; basis: string } | null;
}

export interface Facet {
  key: string;
  name: string;
  count?: number;
}

export interface PortalHome {
  popular: ItemSummary[];
  personThemes: Facet[];
  enterpriseThemes: Facet[];
  lifeEvents: Facet[];
  departments: Facet[];
}

export interface UploadedFile {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  /** Where the owner can read it back (preview / download). */
  url: string;
}

export interface DraftMaterial {
  materialId: string;
  uploadIds: string[];
  /** 免交: a declared exemption (the guide marks the material exemptable) replaces the upload. */
  exempt?: boolean;
}

export interface Draft {
  id: string;
  /** Optimistic-lock version of the draft (cases module). */
  version: number;
  itemKey: string;
  itemName: string;
  form: FormData;
  situationCode: string | null;
  materials: DraftMaterial[];
  updatedAt: string;
}

export type CaseStatus = string;

export interface TimelineEntry {
  at: string;
  name: string;
  action: string;
  actor?: string | null;
  opinion?: string | null;
}

export interface CorrectionNotice {
  requestedAt: string;
  deadline?: string | null;
  note?: string | null;
  items: { field?: string | null; materialId?: string | null; label: string; reason: string }[];
}

export interface CaseResult {
  outcome: string;
  licenceName?: string | null;
  licenceNo?: string | null;
  validUntil?: string | null;
  issuer?: string | null;
}

export interface CaseDelivery {
  method: string;
  trackingNo?: string | null;
  address?: string | null;
  deliveredAt?: string | null;
}

export interface CaseSummary {
  id: string;
  caseNo: string;
  itemKey?: string;
  itemName: string;
  agencyName?: string;
  status: CaseStatus;
  statusLabel?: string;
  submittedAt: string | null;
  dueAt?: string | null;
  channel?: string;
}

export interface CaseDetail extends CaseSummary {
  version: number;
  /** The submitted form, when the API includes it for the applicant (needed to correct fields). */
  form: FormData | null;
  formSchema?: FormSchema;
  materials: { materialId: string; name: string; files: UploadedFile[]; collection?: string }[];
  timeline: TimelineEntry[];
  correction: CorrectionNotice | null;
  closedReason?: string | null;
  result: CaseResult | null;
  delivery: CaseDelivery | null;
}

export interface SubmitAnswer {
  caseId: string;
  caseNo: string;
}
