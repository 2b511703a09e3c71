import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { casesApi } from '../api/services.ts';
import type { CaseDetail, ItemGuide } from '../api/types.ts';
import { useAnnounce } from '../a11y/Announcer.tsx';
import { useSchemaForm } from '../form/useSchemaForm.ts';
import { useMaterialUploads } from './useMaterialUploads.ts';
import { fieldTree, leaves } from '../form/fields.ts';

/**
 * The 补正 resubmission: the applicant corrects the fields and replaces the materials the reviewer listed, in one
 * go (一次性告知, 一次性补正). Untouched materials keep their files; only the listed ones are re-uploaded.
 */
export function useCorrection(detail: CaseDetail, guide: ItemGuide, onDone: () => void) {
  const announce = useAnnounce();
  const schema = detail.formSchema ?? guide.formSchema;
  // The reviewer names a material or field by its id; the applicant reads its name (材料名称 / 字段标题).
  const items = useMemo(() => {
    const fieldLabels = new Map(leaves(fieldTree(schema)).map((f) => [f.path, f.label]));
    const materialName = (id: string) => detail.materials.find((m) => m.materialId === id)?.name ?? guide.materials.find((m) => m.id === id)?.name;
    return (detail.correction?.items ?? []).map((i) => {
      const named = i.materialId ? materialName(i.materialId) : i.field ? fieldLabels.get(String(i.field).replace(/^form\./, '')) : undefined;
      return { ...i, label: named ?? i.label };
    });
  }, [detail.correction, detail.materials, guide.materials, schema]);
  const flaggedMaterials = useMemo(() => new Set(items.map((i) => i.materialId).filter(Boolean) as string[]), [items]);
  // Fields can be corrected only when the API gives the applicant their submitted form back.
  const editableForm = detail.form !== null;
  const form = useSchemaForm(schema, detail.form ?? {}, { idPrefix: 'c' });
  const materialsToFix = useMemo(() => guide.materials.filter((m) => flaggedMaterials.has(m.id)), [guide.materials, flaggedMaterials]);
  const uploads = useMaterialUploads(guide.id, materialsToFix);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // Show the reviewer's remarks on the fields they concern from the start.
  const fieldNotes = useMemo(() => Object.fromEntries(items.filter((i) => i.field).map((i) => [String(i.field).replace(/^form\./, ''), i.reason])), [items]);

  const resubmit = useCallback(async () => {
    setProblem(null);
    if (editableForm && !form.validate()) return false;
    if (uploads.uploading || uploads.state.some((s) => !s.exempt && !s.files.some((f) => f.status === 'done'))) {
      const msg = `请重新上传：${materialsToFix.map((m) => m.name).join('、')}`;
      setProblem(msg);
      announce(msg, 'assertive');
      return false;
    }
    setBusy(true);
    try {
      await casesApi.resubmit(detail.id, detail.version, editableForm ? form.values : null, uploads.toDraft());
      announce('补正材料已提交', 'assertive');
      onDone();
      return true;
    } catch (err) {
      const e = err instanceof ApiError ? err : null;
      setProblem(e?.message ?? '提交失败，请重试');
      if (e) form.setServerErrors({ ...e.fieldErrorsUnder('formData'), ...e.fieldErrorsUnder('form') });
      announce(e?.message ?? '提交失败', 'assertive');
      return false;
    } finally {
      setBusy(false);
    }
  }, [form, editableForm, uploads, materialsToFix, detail.id, detail.version, announce, onDone]);

  return { form, editableForm, uploads, fieldNotes, resubmit, busy, problem, items };
}
export type Correction = ReturnType<typeof useCorrection>;
