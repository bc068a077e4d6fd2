/**
 * Entry of the model decode worker thread (bundled beside main.js as `model-decode.worker.js`): decodes the one
 * artifact it is given in `workerData` ({@link DecodeRequest}), posts the {@link DecodeReply} with the model's
 * buffers transferred, and exits. The predictor's event loop keeps serving batches meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { decodeRequest, type DecodeRequest } from './model-decode.protocol';

const { reply, transfer } = decodeRequest(workerData as DecodeRequest);
parentPort?.postMessage(reply, transfer);
