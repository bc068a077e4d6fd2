export * from './create-prediction.dto';
export * from './create-prediction-batch.dto';
export * from './feedback.dto';
export * from './lookup-predictions.dto';
export * from './prediction.view';
export * from './api-key.dto';
export * from './model-accuracy.view';
export * from './model-lifecycle.dto';
