import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { GUNICORN_COMMAND, PROJECT_COMMANDS, projectFiles, projectZip, savedExerciseCode } from '../../src/lesson/capstone/project.ts';

describe('the capstone project', () => {
  it('is the reader\'s app.py exactly (plus a final newline), a requirements.txt and a README with the commands', () => {
    const files = projectFiles('app = None');
    expect(files['app.py']).toBe('app = None\n');
    expect(projectFiles('x\n')['app.py']).toBe('x\n');
    expect(files['requirements.txt']).toBe('gunicorn\n');
    for (const command of PROJECT_COMMANDS) expect(files['README.md']).toContain(command);
    expect(PROJECT_COMMANDS).toContain(GUNICORN_COMMAND);
  });
  it('zips the files into one folder', () => {
    const entries = unzipSync(projectZip('print(1)'));
    expect(Object.keys(entries).sort()).toEqual(['my-framework/README.md', 'my-framework/app.py', 'my-framework/requirements.txt']);
    expect(strFromU8(entries['my-framework/app.py'])).toBe('print(1)\n');
  });
  it('reads the code the exercise\'s editor shows (a saved-work record, or plain text of old), and nothing from refused or damaged storage', () => {
    const store = (value: string | null) => ({ getItem: () => value });
    expect(savedExerciseCode('capstone', store(JSON.stringify({ v: 1, code: 'app = 1', rev: 3 })))).toBe('app = 1');
    expect(savedExerciseCode('capstone', store('def app(environ, start_response): ...'))).toBe('def app(environ, start_response): ...');
    expect(savedExerciseCode('capstone', store(JSON.stringify({ v: 2, code: 'app = 1', rev: 3 })))).toBeNull();
    expect(savedExerciseCode('capstone', store(JSON.stringify({ v: 1, code: 42 })))).toBeNull();
    expect(savedExerciseCode('capstone', store(null))).toBeNull();
    expect(savedExerciseCode('capstone', null)).toBeNull();
  });
});
