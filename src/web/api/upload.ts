import { buildUrl, problemFrom, writeHeaders, ApiError } from './client.ts';

/**
 * Multipart upload with progress. fetch() cannot report upload progress, so this one uses XMLHttpRequest;
 * errors come back as the same ApiError as every other call.
 */
export interface UploadHandle<T> {
  promise: Promise<T>;
  abort: () => void;
}

export function uploadFile<T>(path: string, file: File, fields: Record<string, string>, onProgress: (percent: number) => void): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    const form = new FormData();
    // Fields first: a streaming multipart parser sees them before the file.
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file, file.name);
    xhr.open('POST', buildUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    for (const [k, v] of Object.entries(writeHeaders('POST'))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(99, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = async () => {
      const res = new Response(xhr.responseText || null, { status: xhr.status, headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' } });
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
      } else reject(await problemFrom(res));
    };
    xhr.onerror = () => reject(new ApiError({ type: 'about:blank', title: '上传失败', status: 0, code: 'NETWORK', detail: '网络连接中断，文件未能上传，请重试' }));
    xhr.onabort = () => reject(new ApiError({ type: 'about:blank', title: '已取消', status: 0, code: 'ABORTED', detail: '已取消上传' }));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
