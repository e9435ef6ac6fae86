// The real world: files on disk in a temporary folder, the process's signals (the handlers are called directly,
// no signal is sent), the Node transport and a simulator on 127.0.0.1.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { nodeWorld } from '../../src/cli/NodeWorld.js'

const dir = mkdtempSync(join(tmpdir(), 'clickatell-world-'))

describe('nodeWorld', () => {
  const world = nodeWorld()

  it("is the process's streams and environment", () => {
    expect(world.stdout).toBe(process.stdout)
    expect(world.stderr).toBe(process.stderr)
    expect(world.env).toBe(process.env)
  })

  it('reads a file as UTF-8, or says why it cannot', async () => {
    const path = join(dir, 'in.csv')
    writeFileSync(path, 'name,number\nZoë,447900000001\n')
    expect(await world.readFile(path)).toEqual(E.right('name,number\nZoë,447900000001\n'))
    expect(await world.readFile(join(dir, 'missing.csv'))).toEqual(
      E.left(`ENOENT: no such file or directory, open '${join(dir, 'missing.csv')}'`),
    )
  })

  it("a file's size in bytes; none for a folder or a file that is not there", async () => {
    const path = join(dir, 'sized.csv')
    writeFileSync(path, 'name,number\nZoë,447900000001\n')
    expect(await world.fileSize(path)).toEqual(E.right(30)) // bytes: ë is two
    expect(await world.fileSize(dir)).toEqual(E.left(`${dir} is not a file: its size is not known`))
    expect(await world.fileSize(join(dir, 'missing.csv'))).toEqual(
      E.left(`ENOENT: no such file or directory, stat '${join(dir, 'missing.csv')}'`),
    )
  })

  it('writes a file as UTF-8, or says why it cannot', async () => {
    const path = join(dir, 'out.csv')
    expect(await world.writeFile(path, 'Zoë\n')).toEqual(E.right(undefined))
    expect(readFileSync(path, 'utf8')).toBe('Zoë\n')
    const inMissing = join(dir, 'no', 'such', 'dir.csv')
    expect(await world.writeFile(inMissing, 'x')).toEqual(
      E.left(`ENOENT: no such file or directory, open '${inMissing}'`),
    )
  })

  it('replaces a file whole, making its folder, leaving nothing beside it', async () => {
    const path = join(dir, 'state', 'deep', 'simulator.json')
    expect(await world.replaceFile(path, '{"a":1}\n')).toEqual(E.right(undefined))
    expect(await world.replaceFile(path, '{"a":2}\n')).toEqual(E.right(undefined))
    expect(readFileSync(path, 'utf8')).toBe('{"a":2}\n')
    expect(readdirSync(join(dir, 'state', 'deep'))).toEqual(['simulator.json'])
  })

  it('removes a file; one that is not there is removed already', async () => {
    const path = join(dir, 'gone.json')
    writeFileSync(path, 'x')
    expect(await world.removeFile(path)).toEqual(E.right(undefined))
    expect(existsSync(path)).toBe(false)
    expect(await world.removeFile(path)).toEqual(E.right(undefined))
  })

  it('the clock is the system clock; sleep waits', async () => {
    const before = Date.now()
    expect(Math.abs(world.clock.now() - before)).toBeLessThan(1000)
    await world.clock.sleep(20)
    expect(world.clock.now() - before).toBeGreaterThanOrEqual(19)
  })

  it('untilSignal resolves with the first signal and removes every handler it added', async () => {
    const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') }
    const waiting = world.untilSignal(['SIGINT', 'SIGTERM'])
    const added = process.listeners('SIGTERM').filter((l) => !before.SIGTERM.includes(l))
    expect(added).toHaveLength(1)
    expect(process.listeners('SIGINT')).toHaveLength(before.SIGINT.length + 1)
    ;(added[0] as () => void)()
    expect(await waiting).toBe('SIGTERM')
    expect(process.listeners('SIGINT')).toEqual(before.SIGINT)
    expect(process.listeners('SIGTERM')).toEqual(before.SIGTERM)
  })

  it('a transport with close, and a simulator on 127.0.0.1 with a demo account', async () => {
    const transport = world.transport()
    expect(typeof transport.send).toBe('function')
    transport.close()
    const sim = await world.startSimulator({ demoCredits: 5 })
    try {
      expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(sim.demo).toMatchObject({ user: 'demo' })
    } finally {
      await sim.close()
    }
    // Another, from the first one's snapshot.
    const state = JSON.parse(JSON.stringify(sim.snapshot()))
    const next = await world.startSimulator({ demoCredits: 5, state })
    await next.close()
    await expect(world.startSimulator({ state: { version: 0 } })).rejects.toThrow(/state/)
  })

  it('starting a simulator on a port that is taken rejects', async () => {
    const sim = await world.startSimulator({})
    try {
      const port = Number(new URL(sim.url).port)
      await expect(world.startSimulator({ port })).rejects.toThrow(
        /^clickatell-fp simulator: port: cannot listen/,
      )
    } finally {
      await sim.close()
    }
  })
})
