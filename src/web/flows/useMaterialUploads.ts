import { useCallback, useEffect, useRef, useState } from 'react';
import { materialsApi } from '../api/services.ts';
import { ApiError } from '../api/client.ts';
import type { DraftMaterial, GuideMaterial, UploadedFile } from '../api/types.ts';

/**
 * The materials step of an application: per required material, the files being uploaded (with progress), the
 * uploaded ones (with a preview), or the exemption (免交) when the guide allows it. UI-kit independent.
 */
export interface MaterialFile {
  localId: string;
  name: string;
  size: number;
  mime: string;
  progress: number;
  status: 'uploading' | 'done' | 'error';
  error?: string;
  uploaded?: UploadedFile;
  /** Object URL of the local file for an instant image thumbnail. */
  previewUrl?: string;
}

export interface MaterialState {
  material: GuideMaterial;
  files: MaterialFile[];
  exempt: boolean;
}

const ACCEPTED = /^(image\/(jpeg|png)|application\/pdf)$/;
let localSeq = 0;

export function useMaterialUploads(itemVersionId: string, materials: GuideMaterial[], initial: DraftMaterial[] = []) {
  const [state, setState] = useState<MaterialState[]>(() =>
    materials.map((m) => {
      const saved = initial.find((d) => d.materialId === m.id);
      const files: MaterialFile[] = (saved?.uploadIds ?? []).map((id) => ({ localId: `saved-${id}`, name: id, size: 0, mime: '', progress: 100, status: 'done', uploaded: { id, fileName: '', mime: '', size: 0, url: `/api/v1/materials/uploads/${encodeURIComponent(id)}/content` } }));
      return { material: m, files, exempt: !!saved?.exempt && m.exemptable };
    }),
  );
  const aborts = useRef(new Map<string, () => void>());
  useEffect(() => () => aborts.current.forEach((abort) => abort()), []);

  const patchFile = useCallback((materialId: string, localId: string, patch: Partial<MaterialFile>) => {
    setState((all) => all.map((s) => (s.material.id !== materialId ? s : { ...s, files: s.files.map((f) => (f.localId === localId ? { ...f, ...patch } : f)) })));
  }, []);

  /** Checks type and size before sending, so a 30 MB photo fails at once with a clear reason; returns the reason. */
  const add = useCallback(
    (materialId: string, file: File): string | undefined => {
      const m = materials.find((x) => x.id === materialId);
      if (!m) return undefined;
      if (!ACCEPTED.test(file.type)) return '仅支持 JPG、PNG 图片或 PDF 文件';
      if (file.size > m.maxSizeMb * 1024 * 1024) return `文件超过 ${m.maxSizeMb} MB 的大小限制`;
      if (file.size === 0) return '文件为空';
      const localId = `l${++localSeq}`;
      const previewUrl = file.type.startsWith('image/') ? URL.createObjectURL(file) : undefined;
      const entry: MaterialFile = { localId, name: file.name, size: file.size, mime: file.type, progress: 0, status: 'uploading', previewUrl };
      setState((all) => all.map((s) => (s.material.id === materialId ? { ...s, exempt: false, files: [...s.files, entry] } : s)));
      const upload = materialsApi.upload(file, { materialId, itemVersionId }, (progress) => patchFile(materialId, localId, { progress }));
      aborts.current.set(localId, upload.abort);
      upload.promise.then(
        (uploaded) => patchFile(materialId, localId, { status: 'done', progress: 100, uploaded }),
        (err: unknown) => patchFile(materialId, localId, { status: 'error', error: err instanceof ApiError ? err.message : '上传失败，请重试' }),
      ).finally(() => aborts.current.delete(localId));
      return undefined;
    },
    [itemVersionId, materials, patchFile],
  );

  const remove = useCallback((materialId: string, localId: string) => {
    aborts.current.get(localId)?.();
    setState((all) =>
      all.map((s) => {
        if (s.material.id !== materialId) return s;
        const gone = s.files.find((f) => f.localId === localId);
        if (gone?.previewUrl) URL.revokeObjectURL(gone.previewUrl);
        return { ...s, files: s.files.filter((f) => f.localId !== localId) };
      }),
    );
  }, []);

  const setExempt = useCallback((materialId: string, exempt: boolean) => {
    setState((all) => all.map((s) => (s.material.id === materialId && s.material.exemptable ? { ...s, exempt } : s)));
  }, []);

  const toDraft = useCallback(
    (): DraftMaterial[] => state.map((s) => ({ materialId: s.material.id, exempt: s.exempt, uploadIds: s.files.filter((f) => f.status === 'done' && f.uploaded).map((f) => f.uploaded!.id) })),
    [state],
  );
  const uploading = state.some((s) => s.files.some((f) => f.status === 'uploading'));
  /** Required materials with fewer uploaded files than the guide asks for, and no exemption. */
  const missing = state.filter((s) => s.material.required && !s.exempt && s.files.filter((f) => f.status === 'done').length < Math.max(1, s.material.count)).map((s) => s.material);
  return { state, add, remove, setExempt, toDraft, uploading, missing };
}
export type MaterialUploads = ReturnType<typeof useMaterialUploads>;
