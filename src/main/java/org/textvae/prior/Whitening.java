package org.textvae.prior;

/** Small dense linear algebra for Gaussians: Cholesky factors and triangular solves. */
final class Whitening {

    private Whitening() {}

    /**
     * Solves L y = x − μ by forward substitution and returns |y|², the squared Mahalanobis distance
     * of x from μ under the covariance L Lᵀ.
     */
    static double solveLower(double[][] factor, double[] x, double[] mean, double[] y) {
        double squares = 0;
        for (int i = 0; i < x.length; i++) {
            double value = x[i] - mean[i];
            double[] row = factor[i];
            for (int j = 0; j < i; j++) {
                value -= row[j] * y[j];
            }
            y[i] = value / row[i];
            squares += y[i] * y[i];
        }
        return squares;
    }

    /**
     * The lower Cholesky factor of a symmetric positive-definite matrix (only its lower triangle is
     * read).
     *
     * @throws IllegalArgumentException if the matrix is not positive definite
     */
    static double[][] cholesky(double[][] matrix) {
        int d = matrix.length;
        double[][] factor = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = matrix[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= factor[i][k] * factor[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new IllegalArgumentException("matrix is not positive definite");
                    }
                    factor[i][i] = Math.sqrt(sum);
                } else {
                    factor[i][j] = sum / factor[j][j];
                }
            }
        }
        return factor;
    }
}
