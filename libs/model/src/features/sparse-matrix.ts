/** Compressed sparse rows: row `r` holds `indices/values[indptr[r]..indptr[r+1])`. */
export interface SparseMatrix {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** Appends rows to a {@link SparseMatrix}, growing its arrays geometrically. */
export class SparseMatrixBuilder {
  private indptr: Int32Array;
  private indices: Int32Array;
  private values: Float32Array;
  private rowCount = 0;
  private nnz = 0;

  constructor(expectedRows = 1024, expectedNonZeros = 65536) {
    this.indptr = new Int32Array(expectedRows + 1);
    this.indices = new Int32Array(expectedNonZeros);
    this.values = new Float32Array(expectedNonZeros);
  }

  /** Appends one row from parallel index/value arrays (first `length` entries). */
  addRow(indices: ArrayLike<number>, values: ArrayLike<number>, length: number): void {
    if (this.rowCount + 2 > this.indptr.length) this.indptr = grow(this.indptr, this.rowCount + 2);
    if (this.nnz + length > this.indices.length) {
      this.indices = grow(this.indices, this.nnz + length);
      this.values = grow(this.values, this.nnz + length);
    }
    for (let i = 0; i < length; i++) {
      this.indices[this.nnz + i] = indices[i];
      this.values[this.nnz + i] = values[i];
    }
    this.nnz += length;
    this.rowCount++;
    this.indptr[this.rowCount] = this.nnz;
  }

  /** The finished matrix (arrays trimmed to size). */
  build(cols: number): SparseMatrix {
    return {
      rows: this.rowCount,
      cols,
      indptr: this.indptr.slice(0, this.rowCount + 1),
      indices: this.indices.slice(0, this.nnz),
      values: this.values.slice(0, this.nnz),
    };
  }
}

function grow<T extends Int32Array | Float32Array>(array: T, atLeast: number): T {
  let size = Math.max(16, array.length * 2);
  while (size < atLeast) size *= 2;
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/** Selects rows of `matrix` (in the given order) into a new matrix. */
export function selectRows(matrix: SparseMatrix, rows: ArrayLike<number>): SparseMatrix {
  const builder = new SparseMatrixBuilder(rows.length, 1024);
  for (let i = 0; i < rows.length; i++) {
    const start = matrix.indptr[rows[i]];
    const end = matrix.indptr[rows[i] + 1];
    builder.addRow(
      matrix.indices.subarray(start, end),
      matrix.values.subarray(start, end),
      end - start,
    );
  }
  return builder.build(matrix.cols);
}
