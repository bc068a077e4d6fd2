#!/usr/bin/python3
"""Writes the scikit-learn fixtures that libs/model's unit tests compare against.

Run from the repository root:  /usr/bin/python3 tools/bench/sklearn/make_fixtures.py
Outputs (small JSON, committed):
  libs/model/src/features/__fixtures__/tfidf-char.json       TfidfVectorizer(analyzer='char', (2, 3)) defaults
  libs/model/src/features/__fixtures__/tfidf-model.json      the model's own text normalization + words, sublinear tf, min_df
  libs/model/src/svm/__fixtures__/linear-svc.json            LinearSVC(squared_hinge, dual) one-vs-rest, C=1, class and sample weights
"""
import json
import os
import subprocess
import sys
import unicodedata

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
FEATURES_DIR = os.path.join(ROOT, 'libs/model/src/features/__fixtures__')
SVM_DIR = os.path.join(ROOT, 'libs/model/src/svm/__fixtures__')
MAX_WORD_LENGTH = 32  # libs/model/src/features/feature-keys.ts

TRAIN = [
    ('en', 'The quick brown fox jumps over the lazy dog.'),
    ('en', 'Everyone has the right to life, liberty and security of person.'),
    ('en', 'Please  restart the application to apply\tthe update (version 2.0).'),
    ('en', 'Open the file in a new window or tab.'),
    ('en', 'Your password must contain at least 8 characters!'),
    ('en', 'The library is closed on Sundays and public holidays.'),
    ('de', 'Der schnelle braune Fuchs springt über den faulen Hund.'),
    ('de', 'Jeder hat das Recht auf Leben, Freiheit und Sicherheit der Person.'),
    ('de', 'Bitte starten Sie die Anwendung neu, um das Update anzuwenden.'),
    ('de', 'Öffnen Sie die Datei in einem neuen Fenster oder Tab.'),
    ('de', 'Die Straße ist   wegen Bauarbeiten gesperrt.'),
    ('de', 'Ihr Passwort muss mindestens 8 Zeichen enthalten!'),
    ('sv', 'Den snabba bruna räven hoppar över den lata hunden.'),
    ('sv', 'Var och en har rätt till liv, frihet och personlig säkerhet.'),
    ('sv', 'Starta om programmet för att tillämpa uppdateringen.'),
    ('sv', 'Öppna filen i ett nytt fönster eller en ny flik.'),
    ('sv', 'Lösenordet måste innehålla minst 8 tecken!'),
    ('sv', 'Biblioteket är stängt på söndagar och helgdagar.'),
    ('ru', 'Каждый человек имеет право на жизнь, на свободу и на личную неприкосновенность.'),
    ('ru', 'Пожалуйста, перезапустите приложение, чтобы применить обновление.'),
    ('ru', 'Откройте файл в новом окне или вкладке.'),
    ('ru', 'Пароль должен содержать не менее 8 символов!'),
    ('ru', 'Библиотека закрыта по воскресеньям и праздникам.'),
    ('ru', 'Быстрая коричневая лиса прыгает через ленивую собаку.'),
    ('ja', 'すべての人は、生命、自由及び身体の安全に対する権利を有する。'),
    ('ja', 'アップデートを適用するには、アプリケーションを再起動してください。'),
    ('ja', 'ファイルを新しいウィンドウまたはタブで開きます。'),
    ('ja', 'パスワードは８文字以上である必要があります！'),
    ('ja', '図書館は日曜日と祝日は休館です。'),
    ('ja', 'ＡＢＣ　ｆｉｌｅ を開く'),
]

TEST = [
    'The dog sleeps in the window.',
    'Der Hund schläft im Fenster.',
    'Hunden sover i fönstret.',
    'Собака спит в окне.',
    '犬は窓で寝ています。',
    'ﬁle  Öffnen  2024 — ok?',
    'ZZZ qqq',
]


def model_normalize(text):
    """Mirror of normalizeText(text, DEFAULT_NORMALIZATION) in libs/model/src/text/text-normalizer.ts."""
    text = unicodedata.normalize('NFKC', text).lower()
    out = []
    for ch in text:
        if unicodedata.category(ch)[0] in ('L', 'M'):
            out.append(ch)
        elif not out or out[-1] != ' ':
            out.append(' ')
    result = ''.join(out)
    if result in ('', ' '):
        return ''
    if not result.startswith(' '):
        result = ' ' + result
    if not result.endswith(' '):
        result = result + ' '
    return result


def model_analyzer(text):
    """Character 2-3-grams of the normalized text plus its words (prefixed so they cannot clash)."""
    norm = model_normalize(text)
    grams = [norm[i:i + n] for n in (2, 3) for i in range(len(norm) - n + 1)]
    words = ['w:' + w for w in norm.split(' ') if w and len(w) <= MAX_WORD_LENGTH]
    return grams + words


def sparse_rows(matrix, terms):
    rows = []
    for r in range(matrix.shape[0]):
        row = matrix.getrow(r)
        rows.append({terms[c]: float(v) for c, v in zip(row.indices, row.data)})
    return rows


def vectorizer_fixture(vectorizer, description):
    train_texts = [t for _, t in TRAIN]
    matrix = vectorizer.fit_transform(train_texts)
    terms = vectorizer.get_feature_names_out().tolist()
    return {
        'description': description,
        'sklearn': sklearn.__version__,
        'train': train_texts,
        'test': TEST,
        'idf': {t: float(v) for t, v in zip(terms, vectorizer.idf_)},
        'trainRows': sparse_rows(matrix, terms),
        'testRows': sparse_rows(vectorizer.transform(TEST), terms),
    }


def svm_case(matrix, labels, classes, class_weight, test_matrix, with_coef, sample_weight=None):
    svc = LinearSVC(C=1.0, loss='squared_hinge', dual=True, tol=1e-8, max_iter=200000,
                    class_weight=class_weight, random_state=0)
    svc.fit(matrix, labels, sample_weight=sample_weight)
    return {
        'classWeight': class_weight,
        'sampleWeight': sample_weight,
        'classes': svc.classes_.tolist(),
        'coef': svc.coef_.tolist() if with_coef else None,
        'intercept': svc.intercept_.tolist(),
        'testDecision': svc.decision_function(test_matrix).tolist(),
        'testPredicted': svc.predict(test_matrix).tolist(),
    }


def svm_fixture():
    vectorizer = TfidfVectorizer(analyzer='char', ngram_range=(2, 3), norm='l2', use_idf=True)
    matrix = vectorizer.fit_transform([t for _, t in TRAIN])
    test_matrix = vectorizer.transform(TEST)
    labels = np.array([lang for lang, _ in TRAIN])
    classes = sorted(set(labels))
    rows = [{'indices': matrix.getrow(r).indices.tolist(), 'values': matrix.getrow(r).data.tolist()}
            for r in range(matrix.shape[0])]
    test_rows = [{'indices': test_matrix.getrow(r).indices.tolist(),
                  'values': test_matrix.getrow(r).data.tolist()} for r in range(test_matrix.shape[0])]
    return {
        'description': "LinearSVC(C=1, loss='squared_hinge', dual=True, tol=1e-8) on TfidfVectorizer(analyzer='char', ngram_range=(2, 3)) rows",
        'sklearn': sklearn.__version__,
        'cols': matrix.shape[1],
        'rows': rows,
        'labels': labels.tolist(),
        'testRows': test_rows,
        'cases': [
            svm_case(matrix, labels, classes, None, test_matrix, True),
            svm_case(matrix, labels, classes, {'ja': 3.0, 'sv': 0.5}, test_matrix, False),
            svm_case(matrix, labels, classes, None, test_matrix, False,
                     sample_weight=[0.5 + (i % 4) * 0.75 for i in range(len(TRAIN))]),
        ],
    }


def rounded(value):
    """Floats to 10 significant digits: far below the tests' tolerances, and small files."""
    if isinstance(value, float):
        return float('%.10g' % value)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(rounded(data), f, ensure_ascii=False, separators=(',', ':'))
        f.write('\n')
    print('wrote', os.path.relpath(path, ROOT), file=sys.stderr)


def prettier(paths):
    """Formats the fixtures as the repository's Prettier would (so `npm run format` leaves them alone)."""
    binary = os.path.join(ROOT, 'node_modules', '.bin', 'prettier')
    if os.path.exists(binary):
        subprocess.run([binary, '--write', *paths], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def main():
    write(os.path.join(FEATURES_DIR, 'tfidf-char.json'), vectorizer_fixture(
        TfidfVectorizer(analyzer='char', ngram_range=(2, 3), norm='l2', use_idf=True),
        "TfidfVectorizer(analyzer='char', ngram_range=(2, 3), norm='l2', use_idf=True)"))
    write(os.path.join(FEATURES_DIR, 'tfidf-model.json'), vectorizer_fixture(
        TfidfVectorizer(analyzer=model_analyzer, norm='l2', use_idf=True, sublinear_tf=True, min_df=2),
        'TfidfVectorizer(analyzer=<NFKC, lower-case, non-letters -> space, padded; char 2-3-grams + words '
        "prefixed 'w:'>, sublinear_tf=True, min_df=2)"))
    write(os.path.join(SVM_DIR, 'linear-svc.json'), svm_fixture())
    prettier([FEATURES_DIR, SVM_DIR])


if __name__ == '__main__':
    main()
