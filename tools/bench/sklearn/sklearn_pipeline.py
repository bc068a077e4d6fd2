#!/usr/bin/python3
"""The original design, as the benchmark's reference: scikit-learn
TfidfVectorizer(analyzer='char', ngram_range=(2, 3), norm='l2', use_idf=True) + LinearSVC(C=1,
loss='squared_hinge', dual=True), trained on the same committed corpus (data/corpus).

  train --corpus DIR --out MODEL.pkl [--C 1.0] [--max-lines-per-lang N]
      prints one JSON object: trainSeconds (whole command), fitSeconds, samples, features, modelBytes
  eval --model MODEL.pkl --sentences FILE.jsonl --paragraphs FILE.jsonl [--repeats 5]
      prints one JSON object: loadSeconds, predictions, sentencesPerSecond (median of repeats over
      all sentences, batch predict), peakRssMb
Run with /usr/bin/python3 and OMP/OPENBLAS/MKL threads = 1 (the bench does) for one-core figures.
"""
import argparse
import gzip
import json
import os
import pickle
import resource
import statistics
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC


def log(message):
    print(f'[sklearn] {message}', file=sys.stderr, flush=True)


def read_corpus(directory, max_lines):
    with open(os.path.join(directory, 'manifest.json'), encoding='utf-8') as f:
        manifest = json.load(f)
    texts, labels = [], []
    for lang in sorted(manifest['languages']):
        path = os.path.join(directory, manifest['languages'][lang]['file'])
        with gzip.open(path, 'rt', encoding='utf-8', newline='\n') as f:
            lines = [line.rstrip('\n') for line in f if line.strip()]
        if max_lines:
            lines = lines[:max_lines]
        texts.extend(lines)
        labels.extend([lang] * len(lines))
        log(f'read {lang}: {len(lines)} lines')
    return texts, labels


def train(args):
    started = time.perf_counter()
    texts, labels = read_corpus(args.corpus, args.max_lines_per_lang)
    pipeline = Pipeline([
        ('tfidf', TfidfVectorizer(analyzer='char', ngram_range=(2, 3), norm='l2', use_idf=True)),
        ('svm', LinearSVC(C=args.C, loss='squared_hinge', dual=True)),
    ])
    log(f'fitting on {len(texts)} texts (C={args.C})')
    fit_started = time.perf_counter()
    pipeline.fit(texts, labels)
    fit_seconds = time.perf_counter() - fit_started
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, 'wb') as f:
        pickle.dump(pipeline, f, protocol=pickle.HIGHEST_PROTOCOL)
    result = {
        'trainSeconds': time.perf_counter() - started,
        'fitSeconds': fit_seconds,
        'samples': len(texts),
        'features': len(pipeline.named_steps['tfidf'].vocabulary_),
        'modelBytes': os.path.getsize(args.out),
        'peakRssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    log(f'trained in {result["trainSeconds"]:.1f}s, {result["features"]} features')
    print(json.dumps(result))


def read_jsonl(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line)['text'] for line in f if line.strip()]


def evaluate(args):
    sentences = read_jsonl(args.sentences)
    paragraphs = read_jsonl(args.paragraphs)
    started = time.perf_counter()
    with open(args.model, 'rb') as f:
        pipeline = pickle.load(f)
    load_seconds = time.perf_counter() - started
    sentence_predictions = pipeline.predict(sentences).tolist()  # also the warm-up pass
    rates = []
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        pipeline.predict(sentences)
        rates.append(len(sentences) / (time.perf_counter() - t0))
    paragraph_predictions = pipeline.predict(paragraphs).tolist()
    print(json.dumps({
        'loadSeconds': load_seconds,
        'sentencePredictions': sentence_predictions,
        'paragraphPredictions': paragraph_predictions,
        'sentencesPerSecond': statistics.median(rates),
        'peakRssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest='command', required=True)
    t = commands.add_parser('train')
    t.add_argument('--corpus', required=True)
    t.add_argument('--out', required=True)
    t.add_argument('--C', type=float, default=1.0)
    t.add_argument('--max-lines-per-lang', type=int, default=0)
    e = commands.add_parser('eval')
    e.add_argument('--model', required=True)
    e.add_argument('--sentences', required=True)
    e.add_argument('--paragraphs', required=True)
    e.add_argument('--repeats', type=int, default=5)
    args = parser.parse_args()
    train(args) if args.command == 'train' else evaluate(args)


if __name__ == '__main__':
    main()
