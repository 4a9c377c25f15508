import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { chooseBackend } from '../../src/model/backend';
import { isSoftwareRenderer, readWebglRenderer } from '../../src/model/webglRenderer';

// Node has no WebGL: stand in a 'webgl' backend whose factory counts calls and fails to initialise,
// so we can see whether chooseBackend tried it, and that a failed setBackend is not trusted.
let webglFactoryCalls = 0;

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('cpu');
  await tf.ready();
  if (tf.findBackendFactory('webgl') == null) {
    tf.registerBackend('webgl', () => {
      webglFactoryCalls++;
      throw new Error('no WebGL in Node');
    }, 0);
  }
});
afterAll(() => {
  tf.removeBackend('webgl');
});

const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

describe('chooseBackend', () => {
  it('isSoftwareRenderer tells software rasterisers from GPUs; readWebglRenderer is null in Node', () => {
    expect(isSoftwareRenderer(SWIFTSHADER)).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('Microsoft Basic Render Driver')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 4090 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
    expect(isSoftwareRenderer('Apple M2')).toBe(false);
    expect(readWebglRenderer()).toBeNull();
  });

  it('chooseBackend(tf, {preferred}) honours a backend that initialises, without probing', async () => {
    const info = await chooseBackend(tf, { preferred: 'wasm' });
    expect(info).toEqual({ backend: 'wasm', renderer: null, software: false, probes: [] });
    expect(tf.getBackend()).toBe('wasm');
    const cpu = await chooseBackend(tf, { preferred: 'cpu' });
    expect(cpu.backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
  });

  it('chooseBackend(tf) on a software renderer never tries webgl, probes wasm and cpu, keeps the fastest', async () => {
    webglFactoryCalls = 0;
    const info = await chooseBackend(tf, { renderer: SWIFTSHADER });
    console.log('probes (Node, 20 steps on 2k × 8):', JSON.stringify(info.probes));
    expect(webglFactoryCalls).toBe(0);
    expect(info.software).toBe(true);
    expect(info.probes.map((p) => p.backend)).toEqual(['wasm', 'cpu']);
    const fastest = info.probes.reduce((a, b) => (b.ms < a.ms ? b : a));
    expect(info.backend).toBe(fastest.backend);
    expect(tf.getBackend()).toBe(info.backend);
  });

  it('chooseBackend(tf) with a GPU renderer tries webgl; a failed initialisation is skipped, not trusted', async () => {
    webglFactoryCalls = 0;
    const info = await chooseBackend(tf, { renderer: 'ANGLE (NVIDIA, NVIDIA H100 …)' });
    expect(webglFactoryCalls).toBeGreaterThan(0);
    expect(info.software).toBe(false);
    expect(info.probes.map((p) => p.backend)).toEqual(['wasm', 'cpu']);
    expect(['wasm', 'cpu']).toContain(tf.getBackend());
    expect(tf.getBackend()).toBe(info.backend);
  });

  it('chooseBackend(tf, {preferred: "webgl"}) falls back to probing when webgl fails to initialise', async () => {
    const info = await chooseBackend(tf, { preferred: 'webgl', renderer: null });
    expect(info.probes.length).toBe(2);
    expect(tf.getBackend()).toBe(info.backend);
    expect(info.backend).not.toBe('webgl');
  });
});
