/**
 * Entry of the model decode worker thread (bundled beside main.js as `model-decode.worker.js`). It lives as long
 * as the predictor (kept warm: module loaded, code optimised, Unicode tables built) and decodes each
 * {@link DecodeRequest} it is sent, answering its {@link DecodeReply} with the model's buffers transferred. The
 * predictor's event loop keeps serving batches meanwhile.
 */
import { parentPort } from 'node:worker_threads';
import { decodeRequest, type DecodeJob } from './model-decode.protocol';

parentPort?.on('message', ({ id, request }: DecodeJob) => {
  const { reply, transfer } = decodeRequest(request);
  parentPort?.postMessage({ id, reply }, transfer);
});
