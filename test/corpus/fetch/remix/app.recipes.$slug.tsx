import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { visitorSessions } from '~/visitor-sessions.server';
import { recipes } from '~/data/recipes.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await visitorSessions.getSession(request.headers.get('Cookie'));
  const accountId: string | undefined = session.get('accountId');
  if (!accountId) {
    throw json({ reason: 'Please log in to see your recipes' }, { status: 403 }); // expect: require-401-for-credential-failure
  }
  const recipe = await recipes.bySlug(params.slug ?? '', accountId);
  if (recipe === null) {
    throw json({ reason: 'No recipe with that name' }, { status: 404 });
  }
  return json({ recipe });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await visitorSessions.getSession(request.headers.get('Cookie'));
  const accountId: string | undefined = session.get('accountId');
  if (!accountId) {
    throw new Response(null, { status: 401, statusText: 'Sign in required' }); // expect: require-www-authenticate
  }
  const recipe = await recipes.bySlug(params.slug ?? '', accountId);
  if (recipe?.authorId !== accountId) {
    throw json({ reason: 'Only the author may remove a recipe' }, { status: 403 });
  }
  await recipes.remove(recipe.id);
  return redirect('/app/recipes');
}

export default function RecipePage() {
  const { recipe } = useLoaderData<typeof loader>();
  return (
    <article>
      <header>
        <h1>{recipe.title}</h1>
        <small>{recipe.servings} servings</small>
      </header>
      <ol>
        {recipe.steps.map((step: string) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <Form method="post">
        <button type="submit">Remove recipe</button>
      </Form>
    </article>
  );
}
