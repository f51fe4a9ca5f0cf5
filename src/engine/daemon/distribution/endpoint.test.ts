import { expect, test } from 'vitest';
import { isLoopback, loginDomain, registryEndpoint } from './endpoint';

test.each([
  ['docker.io', { domain: 'docker.io', host: 'registry-1.docker.io', scheme: 'https' }],
  ['index.docker.io', { domain: 'docker.io', host: 'registry-1.docker.io', scheme: 'https' }],
  ['registry.example.com', { domain: 'registry.example.com', host: 'registry.example.com', scheme: 'https' }],
  ['127.0.0.1:5000', { domain: '127.0.0.1:5000', host: '127.0.0.1:5000', scheme: 'http' }],
  ['localhost:5000', { domain: 'localhost:5000', host: 'localhost:5000', scheme: 'http' }],
  ['[::1]:5000', { domain: '[::1]:5000', host: '[::1]:5000', scheme: 'http' }],
  ['10.0.0.1:5000', { domain: '10.0.0.1:5000', host: '10.0.0.1:5000', scheme: 'https' }],
])('registryEndpoint(%s)', (domain, want) => {
  expect(registryEndpoint(domain)).toEqual(want);
});

test.each([
  ['https://index.docker.io/v1/', 'docker.io'],
  ['', 'docker.io'],
  ['registry.example.com', 'registry.example.com'],
  ['http://127.0.0.1:5000', '127.0.0.1:5000'],
  ['https://cr.example.net/v2/', 'cr.example.net'],
])('loginDomain(%j)', (address, want) => {
  expect(loginDomain(address)).toBe(want);
});

test('127.0.0.0/8 is loopback, 128.0.0.1 is not', () => {
  expect(isLoopback('127.8.9.10:80')).toBe(true);
  expect(isLoopback('128.0.0.1:80')).toBe(false);
});
