import { useCallback, useMemo, useRef, useState } from 'react';
import { ApiError, newIdempotencyKey } from '../api/client.ts';
import { casesApi, type SubmitContext } from '../api/services.ts';
import type { Draft, ItemGuide, SubmitAnswer } from '../api/types.ts';
import type { FormData, FormSchema } from '../../shared/form-schema.ts';
import { useAnnounce } from '../a11y/Announcer.tsx';
import { useSession } from '../session/session.tsx';
import { applyDefaults, applyPrefill } from '../form/prefill.ts';
import { useSchemaForm } from '../form/useSchemaForm.ts';
import { useMaterialUploads } from './useMaterialUploads.ts';

/**
 * One online application (网上申报) from form to case number, shared by the PC, mobile and kiosk skins:
 * form → materials → review → submitted. Saving a draft is possible at every step; submission carries one
 * Idempotency-Key per attempt so a retry after a lost answer cannot create a second case.
 */
export const APPLY_STEPS = ['form', 'materials', 'review', 'done'] as const;
export type ApplyStep = (typeof APPLY_STEPS)[number];

/**
 * 办理情形: when an item has several, the choice is shown as the first question of the form (a synthetic enum
 * field) and sent to the API as situationCode, never inside the form data.
 */
export const SITUATION_FIELD = '__situation';

function withSituation(guide: ItemGuide): FormSchema {
  if (guide.situations.length < 2) return guide.formSchema;
  const field: FormSchema = { type: 'string', title: '办理情形', enum: guide.situations.map((s) => s.handlingCode), 'x-ui': { enumNames: guide.situations.map((s) => s.name), order: -1, help: '请选择与您情况相符的一项' } };
  return { ...guide.formSchema, properties: { [SITUATION_FIELD]: field, ...(guide.formSchema.properties ?? {}) }, required: [SITUATION_FIELD, ...(guide.formSchema.required ?? [])] };
}

function splitSituation(values: FormData): { formData: FormData; situationCode?: string } {
  const { [SITUATION_FIELD]: situation, ...formData } = values;
  return { formData, situationCode: typeof situation === 'string' ? situation : undefined };
}

export function useApplication(guide: ItemGuide, draft: Draft | null, ctx: SubmitContext, idPrefix = 'f') {
  const { me } = useSession();
  const announce = useAnnounce();
  const schema = useMemo(() => withSituation(guide), [guide]);
  const initial = useMemo(() => {
    const saved = { ...(draft?.form ?? {}), ...(draft?.situationCode ? { [SITUATION_FIELD]: draft.situationCode } : {}) };
    return applyPrefill(schema, applyDefaults(schema, saved), me);
  }, [schema, draft, me]);
  const form = useSchemaForm(schema, initial.data, { idPrefix, prefilled: initial.filled });
  const materials = useMaterialUploads(guide.id, guide.materials, draft?.materials);
  const [step, setStep] = useState<ApplyStep>('form');
  const [draftId, setDraftId] = useState<string | null>(draft?.id ?? null);
  const version = useRef<number | undefined>(draft?.version);
  const [busy, setBusy] = useState<'saving' | 'submitting' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(draft?.updatedAt ?? null);
  const [answer, setAnswer] = useState<SubmitAnswer | null>(null);
  const submitKey = useRef<string | null>(null);

  /** Shows a server refusal where it belongs: field errors on the form, missing materials on the materials step. */
  const showProblem = useCallback(
    (err: unknown) => {
      const e = err instanceof ApiError ? err : null;
      const message = e?.message ?? '操作失败，请稍后重试';
      setProblem(message);
      announce(message, 'assertive');
      if (!e) return;
      const fieldErrors = { ...e.fieldErrorsUnder('formData'), ...e.fieldErrorsUnder('form') };
      if (e.fieldErrors.situationCode) fieldErrors[SITUATION_FIELD] = e.fieldErrors.situationCode;
      if (Object.keys(fieldErrors).length) {
        form.setServerErrors(fieldErrors);
        setStep('form');
      } else if (e.code === 'MATERIALS_MISSING') setStep('materials');
    },
    [announce, form],
  );

  const save = useCallback(async (): Promise<string | null> => {
    setBusy('saving');
    setProblem(null);
    try {
      // The draft is created once (fixing the channel), then saved with the version it was read at.
      const { formData, situationCode } = splitSituation(form.values);
      const id = draftId ?? (await casesApi.createDraft(guide.key, formData, ctx)).id;
      const d = await casesApi.saveDraft(id, draftId ? version.current : undefined, formData, materials.toDraft(), situationCode);
      version.current = d.version;
      setDraftId(d.id);
      setSavedAt(d.updatedAt || new Date().toISOString());
      announce('草稿已保存');
      return d.id;
    } catch (err) {
      showProblem(err);
      return null;
    } finally {
      setBusy(null);
    }
  }, [draftId, form.values, materials, guide.key, ctx, announce, showProblem]);

  /** Moves on when the current step is complete; otherwise says what is missing. */
  const next = useCallback(() => {
    setProblem(null);
    if (step === 'form') {
      if (!form.validate()) return false;
      setStep(guide.materials.length ? 'materials' : 'review');
    } else if (step === 'materials') {
      if (materials.uploading) {
        setProblem('请等待文件上传完成');
        return false;
      }
      if (materials.missing.length) {
        const msg = `请上传：${materials.missing.map((m) => m.name).join('、')}`;
        setProblem(msg);
        announce(msg, 'assertive');
        return false;
      }
      setStep('review');
    }
    return true;
  }, [step, form, guide.materials.length, materials, announce]);

  const back = useCallback(() => {
    setProblem(null);
    setStep((s) => (s === 'review' ? (guide.materials.length ? 'materials' : 'form') : 'form'));
  }, [guide.materials.length]);

  const submit = useCallback(async () => {
    if (!form.validate()) {
      setStep('form');
      return;
    }
    const id = await save();
    if (!id) return;
    setBusy('submitting');
    submitKey.current ??= newIdempotencyKey();
    try {
      const a = await casesApi.submit(id, submitKey.current);
      setAnswer(a);
      setStep('done');
      announce(`申请已提交，办件编号 ${a.caseNo}`, 'assertive');
    } catch (err) {
      // A refusal is final for this key; a network failure keeps it so the retry is recognised by the server.
      if (err instanceof ApiError && err.status > 0) submitKey.current = null;
      showProblem(err);
    } finally {
      setBusy(null);
    }
  }, [form, save, announce, showProblem]);

  return { guide, form, materials, step, setStep, next, back, save, submit, busy, problem, savedAt, draftId, answer };
}
export type Application = ReturnType<typeof useApplication>;
