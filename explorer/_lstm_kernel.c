/* The LSTM recurrence of explorer/lstm.py, compiled: the same equations, step by step,
 * written into the same arrays. explorer/lstm.py is the readable reference and the fallback
 * when this module was not built; tests check that both give the same numbers.
 *
 *   pre_t = xs_t + h_{t-1} · U              xs_t = W_x·x_t + b (all steps at once, in numpy;
 *                                           xs may be pre itself: each block is read, then written);
 *                                           U = weight_hh^T, blocks (i, f, g, o) of H columns
 *   i, f, o = σ(pre)    C~ = g = tanh(pre)
 *   C_t = f ⊙ C_{t-1} + i ⊙ C~              h_t = o ⊙ tanh(C_t)
 *
 * Why it is fast:
 * - h·U is done 64 outputs at a time, kept in registers while the weights stream by once
 *   (no horizontal sums); two running sums (even and odd k) keep the rounding as small as numpy's;
 * - σ and tanh use glibc's vector expf (tanh x = 1 − 2/(1 + e^{2x}));
 * - U is copied to 64-byte aligned memory when it is not (a vector load that straddles two
 *   cache lines made the loop 1.5–2x slower);
 * - target_clones picks AVX-512, AVX2 or plain code when the module loads.
 * float32 only; the GIL is released while it runs.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__) && defined(__x86_64__) && defined(__GLIBC__) && !defined(__clang__)
/* glibc (2.22+) ships vector versions of expf; this lets gcc call them from simd loops. */
float expf(float) __attribute__((simd("notinbranch")));
#define CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#include <math.h>
#define CLONES
#endif

#define BLOCK 64

static inline float sigmoid(float z) { return 1.0f / (1.0f + expf(-z)); }
static inline float tanh_(float z) { return 1.0f - 2.0f / (1.0f + expf(2.0f * z)); }

CLONES
static void lstm_steps(Py_ssize_t T, Py_ssize_t H, const float *xs, const float *restrict U,
                       const float *h0, const float *c0, float *pre, float *gates,
                       float *cell, float *hidden,
                       const unsigned char *forced, float forced_value, Py_ssize_t forced_start)
{
    const Py_ssize_t G = 4 * H;
    const float *h = h0, *c = c0;
    for (Py_ssize_t t = 0; t < T; t++) {
        float *p = pre + t * G, *g = gates + t * G;
        /* pre_t = xs_t + h_{t-1}·U, BLOCK outputs at a time */
        for (Py_ssize_t r0 = 0; r0 < G; r0 += BLOCK) {
            const Py_ssize_t n = G - r0 < BLOCK ? G - r0 : BLOCK;
            /* two running sums (even and odd k), added at the end */
            float acc[BLOCK], acc2[BLOCK];
            for (Py_ssize_t r = 0; r < n; r++) acc[r] = acc2[r] = 0.0f;
            if (n == BLOCK) {
                Py_ssize_t k = 0;
                for (; k + 1 < H; k += 2) {
                    const float ha = h[k], hb = h[k + 1];
                    const float *restrict ua = U + k * G + r0, *restrict ub = ua + G;
                    for (int r = 0; r < BLOCK; r++) {
                        acc[r] += ha * ua[r];
                        acc2[r] += hb * ub[r];
                    }
                }
                for (; k < H; k++) {
                    const float hk = h[k];
                    const float *restrict u = U + k * G + r0;
                    for (int r = 0; r < BLOCK; r++) acc[r] += hk * u[r];
                }
            } else {
                for (Py_ssize_t k = 0; k < H; k++) {
                    const float hk = h[k];
                    const float *restrict u = U + k * G + r0;
                    for (Py_ssize_t r = 0; r < n; r++) acc[r] += hk * u[r];
                }
            }
            const float *x = xs + t * G + r0;
            for (Py_ssize_t r = 0; r < n; r++) acc[r] = x[r] + (acc[r] + acc2[r]);
            memcpy(p + r0, acc, (size_t)n * sizeof(float));
        }
        /* gates: σ on the i, f, o blocks, tanh on the candidate block */
#pragma omp simd
        for (Py_ssize_t r = 0; r < 2 * H; r++) g[r] = sigmoid(p[r]);
#pragma omp simd
        for (Py_ssize_t r = 2 * H; r < 3 * H; r++) g[r] = tanh_(p[r]);
#pragma omp simd
        for (Py_ssize_t r = 3 * H; r < G; r++) g[r] = sigmoid(p[r]);
        if (forced != NULL && t >= forced_start) {
            for (Py_ssize_t r = 0; r < G; r++)
                if (forced[r]) g[r] = forced_value;
        }
        /* C_t = f ⊙ C_{t-1} + i ⊙ C~ ;  h_t = o ⊙ tanh(C_t) */
        float *ct = cell + t * H, *ht = hidden + t * H;
#pragma omp simd
        for (Py_ssize_t j = 0; j < H; j++) {
            const float cj = g[H + j] * c[j] + g[j] * g[2 * H + j];
            ct[j] = cj;
            ht[j] = g[3 * H + j] * tanh_(cj);
        }
        h = ht;
        c = ct;
    }
}

/* Take a C-contiguous float32 buffer of exactly `count` items (writable if asked). */
static int take(PyObject *obj, Py_buffer *view, Py_ssize_t count, int writable, const char *name)
{
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, view, flags) < 0) return -1;
    const char *fmt = view->format ? view->format : "B";
    if (fmt[0] == '<' || fmt[0] == '=' || fmt[0] == '@') fmt++;
    if (view->itemsize != 4 || strcmp(fmt, "f") != 0 || view->len != count * 4) {
        PyErr_Format(PyExc_ValueError, "%s: expected %zd contiguous float32 values", name, count);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

static PyObject *run_f32(PyObject *self, PyObject *args)
{
    (void)self;
    Py_ssize_t T, H, forced_start;
    float forced_value;
    PyObject *o[9];
    if (!PyArg_ParseTuple(args, "nnOOOOOOOOOfn", &T, &H, &o[0], &o[1], &o[2], &o[3], &o[4], &o[5],
                          &o[6], &o[7], &o[8], &forced_value, &forced_start))
        return NULL;
    if (T < 0 || H <= 0) {
        PyErr_SetString(PyExc_ValueError, "T must be >= 0 and H > 0");
        return NULL;
    }
    const Py_ssize_t G = 4 * H;
    const Py_ssize_t counts[9] = {T * G, H * G, H, H, T * G, T * G, T * H, T * H, G};
    const int writable[9] = {0, 0, 0, 0, 1, 1, 1, 1, 0};
    static const char *names[9] = {"xs", "U", "h0", "c0", "pre", "gates", "cell", "hidden", "forced"};
    Py_buffer b[9];
    int taken = 0, ok = 1;
    for (; taken < 8; taken++) {
        if (take(o[taken], &b[taken], counts[taken], writable[taken], names[taken]) < 0) { ok = 0; break; }
    }
    const unsigned char *forced = NULL;
    if (ok && o[8] != Py_None) {
        if (PyObject_GetBuffer(o[8], &b[8], PyBUF_C_CONTIGUOUS) < 0) ok = 0;
        else {
            taken = 9;
            if (b[8].len != counts[8]) {
                PyErr_Format(PyExc_ValueError, "forced: expected %zd bytes", counts[8]);
                ok = 0;
            } else forced = (const unsigned char *)b[8].buf;
        }
    }
    float *aligned = NULL;
    if (ok && (uintptr_t)b[1].buf % 64 != 0) {
        size_t bytes = ((size_t)(H * G) * sizeof(float) + 63) / 64 * 64;
        aligned = aligned_alloc(64, bytes);
        if (aligned == NULL) { PyErr_NoMemory(); ok = 0; }
        else memcpy(aligned, b[1].buf, (size_t)(H * G) * sizeof(float));
    }
    if (ok) {
        Py_BEGIN_ALLOW_THREADS
        lstm_steps(T, H, b[0].buf, aligned ? aligned : b[1].buf, b[2].buf, b[3].buf, b[4].buf, b[5].buf, b[6].buf,
                   b[7].buf, forced, forced_value, forced_start);
        Py_END_ALLOW_THREADS
    }
    free(aligned);
    for (int k = 0; k < taken; k++) PyBuffer_Release(&b[k]);
    if (!ok) return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"run_f32", run_f32, METH_VARARGS,
     "run_f32(T, H, xs, U, h0, c0, pre, gates, cell, hidden, forced, forced_value, forced_start)\n"
     "Fill pre, gates (T, 4H), cell and hidden (T, H) with the LSTM equations (float32)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_lstm_kernel",
                                    "The LSTM recurrence of explorer.lstm, compiled.", -1, methods};

PyMODINIT_FUNC PyInit__lstm_kernel(void) { return PyModule_Create(&module); }
